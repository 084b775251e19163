package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Protocol a tool server speaks. */
public enum ToolType {
    @JsonProperty("mcp")
    MCP,
    @JsonProperty("openapi")
    OPENAPI
}
