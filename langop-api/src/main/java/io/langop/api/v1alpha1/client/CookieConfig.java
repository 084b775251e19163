package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Session cookie of a web client. */
@ValidationRule(value = "self.sameSite != 'None' || self.secure", message = "sameSite None requires secure cookies")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CookieConfig {

    @Default("session_id")
    @JsonPropertyDescription("Cookie name.")
    private String name;

    @Default("true")
    @JsonPropertyDescription("Send only over HTTPS.")
    private Boolean secure;

    @Default("true")
    @JsonPropertyDescription("Hide from scripts.")
    private Boolean httpOnly;

    @Default("Lax")
    @JsonPropertyDescription("SameSite attribute.")
    private SameSite sameSite;

    @JsonPropertyDescription("Cookie domain.")
    private String domain;

    @Default("/")
    @JsonPropertyDescription("Cookie path.")
    private String path;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getSecure() {
        return secure;
    }

    public void setSecure(Boolean secure) {
        this.secure = secure;
    }

    public Boolean getHttpOnly() {
        return httpOnly;
    }

    public void setHttpOnly(Boolean httpOnly) {
        this.httpOnly = httpOnly;
    }

    public SameSite getSameSite() {
        return sameSite;
    }

    public void setSameSite(SameSite sameSite) {
        this.sameSite = sameSite;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
