-- icewarn's durable state. Portable SQL: the same file runs on H2 (embedded default) and PostgreSQL.

-- Per-server overrides of the environment defaults; NULL means "use the default".
-- Lists are comma-separated Discord IDs ('' = an empty list, e.g. "answer in every channel").
CREATE TABLE guild_settings (
    guild_id BIGINT NOT NULL PRIMARY KEY,
    auto_reply BOOLEAN,
    redact BOOLEAN,
    private_replies BOOLEAN,
    dedup_window_seconds BIGINT,
    channel_ids VARCHAR(2400),
    excluded_role_ids VARCHAR(2400),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "Fixed it" / "Didn't help": one vote per user per answer message; a second click changes it.
CREATE TABLE feedback_vote (
    answer_message_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    guild_id BIGINT NOT NULL,
    rule_id VARCHAR(100) NOT NULL,
    helped BOOLEAN NOT NULL,
    voted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (answer_message_id, user_id)
);
CREATE INDEX feedback_vote_guild_rule ON feedback_vote (guild_id, rule_id);

-- The last message handled per watched channel; it only ever moves forward (catch-up after downtime).
CREATE TABLE channel_checkpoint (
    channel_id BIGINT NOT NULL PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    last_message_id BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
