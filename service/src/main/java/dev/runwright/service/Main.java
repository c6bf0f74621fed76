package dev.runwright.service;

/** Placeholder. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("x");
  }
}
