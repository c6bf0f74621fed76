-- One row per issued refresh token. A login starts a family; each refresh rotates the token within
-- it. Presenting a rotated token again means it leaked, so the whole family is revoked.
CREATE TABLE refresh_tokens (
  jti        CHAR(36)    NOT NULL,
  family_id  CHAR(36)    NOT NULL,
  user_id    BIGINT      NOT NULL,
  status     VARCHAR(16) NOT NULL,
  issued_at  DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  PRIMARY KEY (jti),
  KEY ix_refresh_tokens_family (family_id),
  KEY ix_refresh_tokens_user (user_id),
  CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
