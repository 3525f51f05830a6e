-- Accounts (issue 13 §1). `users` (001) already holds the organisation's people, who author suggestions; an account
-- is such a row with a user name to sign in with and a password. The organisation file never writes these columns,
-- so reloading it keeps every account's password.
--
-- Passwords: scrypt (node:crypto) of the password with a per-user random salt; N, r and p are stored beside each hash,
-- so the cost can rise later and old hashes still verify (and are re-hashed at their next sign-in).
-- User names are unique; that is checked by the one writer in the transaction that sets one (sql/accounts/users.ts),
-- as DuckDB's unique indexes turn updates of their rows into delete + insert.
ALTER TABLE users ADD COLUMN username VARCHAR;
ALTER TABLE users ADD COLUMN password_salt VARCHAR;         -- base64 of 16 random bytes
ALTER TABLE users ADD COLUMN scrypt_n INTEGER;              -- cost (a power of two)
ALTER TABLE users ADD COLUMN scrypt_r INTEGER;              -- block size
ALTER TABLE users ADD COLUMN scrypt_p INTEGER;              -- parallelism
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMPTZ;
-- A demo account (created by `npm start` on a demo database, its password printed): a server listening beyond this
-- machine refuses to start while one exists.
ALTER TABLE users ADD COLUMN is_demo BOOLEAN DEFAULT false;  -- (DuckDB adds no column with NOT NULL)

-- 001's sessions table was never written: replaced by one with revocation and both expiries.
DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash    VARCHAR PRIMARY KEY,   -- SHA-256 (hex) of the cookie's random token; the token itself is never stored
  user_id       VARCHAR NOT NULL,
  csrf_token    VARCHAR NOT NULL,      -- sent back in X-CSRF-Token with every change (useless without the cookie)
  created_at    TIMESTAMPTZ NOT NULL,
  last_seen_at  TIMESTAMPTZ NOT NULL,  -- idle expiry: 12 h after this (updated at most every few minutes)
  expires_at    TIMESTAMPTZ NOT NULL,  -- absolute expiry: 7 days after sign-in
  revoked_at    TIMESTAMPTZ            -- sign-out, a password change, a disabled account
);

-- API clients: a script calls with `Authorization: Bearer sp_…` and gets the rights of `role` (a lead's with `team_id`).
-- The token is shown once, at creation; only its SHA-256 is kept (a 256-bit random token needs no slow hash).
CREATE SEQUENCE api_token_id_seq START 1;
CREATE TABLE api_tokens (
  token_id      BIGINT PRIMARY KEY DEFAULT nextval('api_token_id_seq'),
  token_hash    VARCHAR NOT NULL,
  name          VARCHAR NOT NULL,
  role          VARCHAR NOT NULL CHECK (role IN ('admin', 'manager', 'lead')),
  team_id       VARCHAR,
  created_by    VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  last_used_at  TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ,
  CHECK ((role = 'lead') = (team_id IS NOT NULL))
);

-- Sign-in attempts are counted in the server's memory, not here (api/auth/rate-limit.ts): one process serves the
-- database, so memory sees every attempt, and a failed guess then costs no write on the single writer that imports
-- queue on (a flood of guesses would otherwise queue writes in front of them). A restart forgets the counts; a
-- restart is not something an attacker can cause, and the scrypt cost still bounds the guesses per second.
