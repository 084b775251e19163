package io.langop.proxy.upstream;

import java.net.URI;

/** Joins an endpoint's API base and an operation path without doubling or dropping slashes. */
final class UpstreamUrls {

  private UpstreamUrls() {
  }

  static URI join(URI base, String path) {
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
  }
}
