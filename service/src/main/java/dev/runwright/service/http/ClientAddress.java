package dev.runwright.service.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * The client's address for rate limiting. Behind {@code hops} trusted proxies (Cloud Run's front
 * end is one) the client is the entry that many places from the right of X-Forwarded-For; entries
 * further left are client-supplied and cannot be trusted.
 */
public final class ClientAddress {
  private final int hops;

  public ClientAddress(int trustedProxyHops) {
    this.hops = trustedProxyHops;
  }

  public String of(ServerRequest request) {
    if (hops > 0) {
      List<String> forwarded =
          request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
              .flatMap(v -> java.util.Arrays.stream(v.split(",")))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .toList();
      if (forwarded.size() >= hops) {
        return forwarded.get(forwarded.size() - hops);
      }
    }
    return peer(request);
  }

  static String peer(ServerRequest request) {
    SocketAddress address = request.remotePeer().address();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}
