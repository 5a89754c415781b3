-- Invitations are audited like the other records; hub_audit leaves token_hash out of the log.
CREATE TRIGGER invitations_audit AFTER INSERT OR UPDATE OR DELETE ON invitations FOR EACH ROW EXECUTE FUNCTION hub_audit();
