-- Claims (a trigger's delivery taken by one replica): one row per name, free again once expires_at has passed.
CREATE TABLE langop_memory_claims (
    scope      text NOT NULL,
    name       text COLLATE "C" NOT NULL,
    owner      text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (scope, name)
);

-- The sweep of expired claims.
CREATE INDEX langop_memory_claims_expiry ON langop_memory_claims (scope, expires_at);
