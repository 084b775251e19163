-- An agent's state and documents: one row per key. Keys sort by their bytes (COLLATE "C"), as every backend lists them.
CREATE TABLE langop_memory_values (
    scope        text NOT NULL,
    space        text NOT NULL,
    key          text COLLATE "C" NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, space, key)
);

-- Conversations: one row per turn, in the order they were appended.
CREATE TABLE langop_memory_turns (
    scope   text NOT NULL,
    session text COLLATE "C" NOT NULL,
    seq     bigserial NOT NULL,
    turn    text NOT NULL,
    PRIMARY KEY (scope, session, seq)
);
