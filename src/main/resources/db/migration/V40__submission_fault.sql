-- Files an unexpected error kept from being checked (status QUARANTINED in submission): what went
-- wrong, for the developer, and where the file was put aside. The run summary lists these; staff
-- see only the receipt's plain message. Idempotent, like every migration (see V2).
CREATE TABLE IF NOT EXISTS submission_fault (
    submission_id BIGINT         NOT NULL PRIMARY KEY REFERENCES submission (id),
    error_class   VARCHAR(500)   NOT NULL,  -- the exception caught, e.g. java.lang.IllegalStateException
    error_message VARCHAR(2000),
    root_cause    VARCHAR(2000),            -- the innermost cause (class: message), when not the same
    kept_path     VARCHAR(1000)  NOT NULL   -- data/quarantine/SHA16/original name
);
