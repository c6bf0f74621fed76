package dev.runwright.emulator.http;

/** A JSON answer: HTTP status and body text. */
public record ApiResponse(int status, String json) {
  public static ApiResponse ok(String json) {
    return new ApiResponse(200, json);
  }
}
