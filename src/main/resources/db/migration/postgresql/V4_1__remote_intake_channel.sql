-- Remote intake (intake.mode = remote, PostgreSQL only): the queue of partition requests the manager
-- sends and the worker processes take (Spring Integration's JdbcChannelMessageStore with its
-- PostgreSQL query provider: FOR UPDATE SKIP LOCKED, so two workers never take the same request).
-- The channel-message part of spring-integration-jdbc's schema-postgresql.sql, made idempotent like
-- every migration. H2 has none: remote intake on H2 is refused at start-up.
CREATE SEQUENCE IF NOT EXISTS INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE IF NOT EXISTS INT_CHANNEL_MESSAGE (
    MESSAGE_ID       CHAR(36)     NOT NULL,
    GROUP_KEY        CHAR(36)     NOT NULL,
    CREATED_DATE     BIGINT       NOT NULL,
    MESSAGE_PRIORITY BIGINT,
    MESSAGE_SEQUENCE BIGINT       NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
    MESSAGE_CONTENT  BYTEA,
    REGION           VARCHAR(100) NOT NULL,
    CONSTRAINT INT_CHANNEL_MESSAGE_PK PRIMARY KEY (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);
CREATE INDEX IF NOT EXISTS INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);
