-- crmkit store, schema version 2: the loyalty journal behind io.crmkit.loyalty.LedgerStore.
-- One append-only row per source event, keyed by the event id (the primary key decides which of
-- concurrent appends of one id wins). seq numbers a member's events 1, 2, 3... in append order
-- (the unique key doubles as the member index); hash chains each member's events (SHA-256 over
-- the previous hash and the event's fields) so an edited, dropped or reordered row is detected.
-- Rows are never updated or deleted. Loyalty events hold no personal data beyond the customer id.
-- Amounts are decimal numerals kept exactly as given (scale included), with their currency.

CREATE TABLE crm_loyalty_event (
    event_id      VARCHAR(128) PRIMARY KEY,
    customer_id   VARCHAR(128) NOT NULL,
    seq           BIGINT NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    at_s          BIGINT NOT NULL,
    at_n          INTEGER NOT NULL,
    amount        VARCHAR(2010),
    currency      VARCHAR(3),
    points        BIGINT,
    category      VARCHAR(1000),
    product       VARCHAR(1000),
    purchaser_id  VARCHAR(128),
    user_id       VARCHAR(128),
    purchase_id   VARCHAR(128),
    actor         VARCHAR(1000),
    reason        VARCHAR(1000),
    hash          VARCHAR(64) NOT NULL,
    CONSTRAINT crm_loyalty_event_member UNIQUE (customer_id, seq)
);
