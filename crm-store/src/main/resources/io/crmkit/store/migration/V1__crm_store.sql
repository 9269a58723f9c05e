-- crmkit store, schema version 1. ${binary} is BYTEA on PostgreSQL and VARBINARY elsewhere.
-- Instants are stored as epoch seconds plus nanoseconds, so that values load back exactly.
-- Personal data lives only in the "sealed" columns, encrypted with the customer's data key.

CREATE TABLE crm_customer_key (
    customer_id   VARCHAR(128) PRIMARY KEY,
    wrapped_key   ${binary},
    created_at    BIGINT NOT NULL,
    erased_at     BIGINT
);

CREATE TABLE crm_customer_version (
    customer_id   VARCHAR(128) NOT NULL,
    version       INTEGER NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    changed_s     BIGINT NOT NULL,
    changed_n     INTEGER NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    field         VARCHAR(64) NOT NULL,
    sealed        ${binary} NOT NULL,
    state         ${binary},
    PRIMARY KEY (customer_id, version)
);

CREATE TABLE crm_complaint (
    complaint_id  VARCHAR(128) PRIMARY KEY,
    customer_id   VARCHAR(128) NOT NULL,
    category      VARCHAR(64) NOT NULL,
    severity      VARCHAR(32) NOT NULL,
    state         VARCHAR(32) NOT NULL,
    owner         VARCHAR(128) NOT NULL,
    version       BIGINT NOT NULL,
    head_hash     VARCHAR(64) NOT NULL,
    received_s    BIGINT NOT NULL,
    last_event_s  BIGINT NOT NULL,
    closed_s      BIGINT
);
CREATE INDEX crm_complaint_state ON crm_complaint (state, category);
CREATE INDEX crm_complaint_customer ON crm_complaint (customer_id);
CREATE INDEX crm_complaint_owner ON crm_complaint (owner);

CREATE TABLE crm_complaint_event (
    complaint_id  VARCHAR(128) NOT NULL,
    seq           BIGINT NOT NULL,
    customer_id   VARCHAR(128) NOT NULL,
    command       VARCHAR(64) NOT NULL,
    from_state    VARCHAR(32) NOT NULL,
    to_state      VARCHAR(32) NOT NULL,
    at_s          BIGINT NOT NULL,
    at_n          INTEGER NOT NULL,
    actor_id      VARCHAR(128) NOT NULL,
    actor_role    VARCHAR(32) NOT NULL,
    hash          VARCHAR(64) NOT NULL,
    payload       VARCHAR(8000) NOT NULL,
    sealed        ${binary},
    PRIMARY KEY (complaint_id, seq)
);

CREATE TABLE crm_command (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    complaint_id    VARCHAR(128) NOT NULL,
    first_seq       BIGINT NOT NULL,
    last_seq        BIGINT NOT NULL,
    head_hash       VARCHAR(64) NOT NULL
);

CREATE TABLE crm_fitted_model (
    name          VARCHAR(200) PRIMARY KEY,
    model         VARCHAR(100) NOT NULL,
    time_unit     VARCHAR(32) NOT NULL,
    fitted_s      BIGINT NOT NULL,
    fitted_n      INTEGER NOT NULL,
    parameters    VARCHAR(100000) NOT NULL,
    metadata      VARCHAR(100000) NOT NULL,
    revision      INTEGER NOT NULL
);
