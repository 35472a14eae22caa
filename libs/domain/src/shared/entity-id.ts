/** Entity and partner ids: safe in a stream name and a URL. */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
