package dev.runwright.emulator.world;

import dev.runwright.emulator.http.ApiException;
import java.util.List;

/** Google-style paging over a list: {@code pageSize} 0 means all, the token is the next offset. */
public record Pagination<T>(List<T> items, String nextPageToken) {

  public static <T> Pagination<T> of(List<T> all, int pageSize, String pageToken) {
    int start = 0;
    if (pageToken != null && !pageToken.isEmpty()) {
      try {
        start = Integer.parseInt(pageToken);
      } catch (NumberFormatException e) {
        throw ApiException.invalidArgument("pageToken", "Invalid page token: " + pageToken);
      }
    }
    if (start > all.size()) {
      start = all.size();
    }
    int end = pageSize <= 0 ? all.size() : Math.min(all.size(), start + pageSize);
    String next = end < all.size() ? Integer.toString(end) : "";
    return new Pagination<>(List.copyOf(all.subList(start, end)), next);
  }
}
