package dev.runwright.service.tokens;

import java.time.Instant;
import java.util.Optional;

/** The claims of a token whose signature, type and validity window were checked. */
public record VerifiedToken(
    long userId, String jti, Optional<String> familyId, Instant expiresAt) {}
