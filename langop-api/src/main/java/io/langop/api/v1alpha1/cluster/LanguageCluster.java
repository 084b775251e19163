package io.langop.api.v1alpha1.cluster;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.langop.api.v1alpha1.LangopApi;

/** Groups the agents, models, tools, personas and clients of a namespace and isolates them. */
@Group(LangopApi.GROUP)
@Version(LangopApi.VERSION)
@ShortNames("lcluster")
@Categories(LangopApi.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Agents", jsonPath = ".status.agents", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Models", jsonPath = ".status.models", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Tools", jsonPath = ".status.tools", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Cost",
        jsonPath = ".status.costMetrics.totalCost",
        type = AdditionalPrinterColumn.Type.NUMBER,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class LanguageCluster extends CustomResource<LanguageClusterSpec, LanguageClusterStatus> implements Namespaced {}
