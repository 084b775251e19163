package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Look of a web client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UiConfig {

    @JsonPropertyDescription("Page title.")
    private String title;

    @JsonPropertyDescription("Page description.")
    private String description;

    @JsonPropertyDescription("Logo URL.")
    private String logo;

    @Default("auto")
    @JsonPropertyDescription("Colour theme.")
    private Theme theme;

    @JsonPropertyDescription("Primary colour (CSS).")
    private String primaryColor;

    @JsonPropertyDescription("Secondary colour (CSS).")
    private String secondaryColor;

    @JsonProperty("customCSS")
    @JsonPropertyDescription("Extra CSS.")
    private String customCSS;

    @JsonProperty("customJS")
    @JsonPropertyDescription("Extra JavaScript.")
    private String customJS;

    @JsonPropertyDescription("Features.")
    private UiFeatures features;

    @JsonPropertyDescription("Footer text.")
    private String footer;

    @JsonProperty("privacyPolicyURL")
    @JsonPropertyDescription("Privacy policy link.")
    private String privacyPolicyURL;

    @JsonProperty("termsOfServiceURL")
    @JsonPropertyDescription("Terms of service link.")
    private String termsOfServiceURL;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLogo() {
        return logo;
    }

    public void setLogo(String logo) {
        this.logo = logo;
    }

    public Theme getTheme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public void setPrimaryColor(String primaryColor) {
        this.primaryColor = primaryColor;
    }

    public String getSecondaryColor() {
        return secondaryColor;
    }

    public void setSecondaryColor(String secondaryColor) {
        this.secondaryColor = secondaryColor;
    }

    public String getCustomCSS() {
        return customCSS;
    }

    public void setCustomCSS(String customCSS) {
        this.customCSS = customCSS;
    }

    public String getCustomJS() {
        return customJS;
    }

    public void setCustomJS(String customJS) {
        this.customJS = customJS;
    }

    public UiFeatures getFeatures() {
        return features;
    }

    public void setFeatures(UiFeatures features) {
        this.features = features;
    }

    public String getFooter() {
        return footer;
    }

    public void setFooter(String footer) {
        this.footer = footer;
    }

    public String getPrivacyPolicyURL() {
        return privacyPolicyURL;
    }

    public void setPrivacyPolicyURL(String privacyPolicyURL) {
        this.privacyPolicyURL = privacyPolicyURL;
    }

    public String getTermsOfServiceURL() {
        return termsOfServiceURL;
    }

    public void setTermsOfServiceURL(String termsOfServiceURL) {
        this.termsOfServiceURL = termsOfServiceURL;
    }
}
