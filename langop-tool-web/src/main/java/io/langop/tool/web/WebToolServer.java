package io.langop.tool.web;

import io.langop.sdk.tool.ToolServer;

/** Entry point of the web tool image: the four web tools over MCP on {@code PORT} (default 8080). */
public final class WebToolServer {

  private WebToolServer() {}

  public static void main(String[] args) {
    ToolServer.serve("langop-tool-web", new WebTools(WebSettings.fromEnv()).all());
  }
}
