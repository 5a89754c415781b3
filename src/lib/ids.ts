const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether a string is a UUID (any case): check before putting it in a `::uuid` cast. */
export const isUuid = (s: string): boolean => UUID.test(s)
