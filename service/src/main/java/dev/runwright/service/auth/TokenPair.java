package dev.runwright.service.auth;

import dev.runwright.service.tokens.IssuedToken;

/** What a successful login or refresh returns. */
public record TokenPair(IssuedToken access, IssuedToken refresh) {}
