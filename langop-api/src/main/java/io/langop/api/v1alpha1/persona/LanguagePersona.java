package io.langop.api.v1alpha1.persona;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.langop.api.v1alpha1.LangopApi;

/** A reusable personality, rule set and tone for agents and clients. */
@Group(LangopApi.GROUP)
@Version(LangopApi.VERSION)
@ShortNames("lpersona")
@Categories(LangopApi.CATEGORY)
@AdditionalPrinterColumn(
        name = "Display Name",
        jsonPath = ".spec.displayName",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Tone", jsonPath = ".spec.tone", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Usage", jsonPath = ".status.usageCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Valid",
        jsonPath = ".status.validationResult.valid",
        type = AdditionalPrinterColumn.Type.BOOLEAN,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class LanguagePersona extends CustomResource<LanguagePersonaSpec, LanguagePersonaStatus> implements Namespaced {}
