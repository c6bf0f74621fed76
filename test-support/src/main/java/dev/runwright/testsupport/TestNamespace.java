package dev.runwright.testsupport;

/** A namespace created for one test only, so tests never see each other's objects. */
public record TestNamespace(String name) {}
