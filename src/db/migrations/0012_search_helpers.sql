-- The words of a text array for a generated search column: array_to_string is only stable,
-- and a generated column needs an immutable expression (the text of an array never changes).
CREATE OR REPLACE FUNCTION hub_text_array(words text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(words, ' '), '') $$;
