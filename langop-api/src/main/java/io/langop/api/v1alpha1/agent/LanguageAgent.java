package io.langop.api.v1alpha1.agent;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.langop.api.v1alpha1.LangopApi;

/** An LLM agent written from natural-language instructions and run beside its tools and models. */
@Group(LangopApi.GROUP)
@Version(LangopApi.VERSION)
@ShortNames("lagent")
@Categories(LangopApi.CATEGORY)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.executionMode", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.readyReplicas",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Last Run",
        jsonPath = ".status.lastExecutionTime",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Executions",
        jsonPath = ".status.executionCount",
        type = AdditionalPrinterColumn.Type.INTEGER,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Success Rate",
        jsonPath = ".status.metrics.successRate",
        type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
        name = "Cost",
        jsonPath = ".status.costMetrics.totalCost",
        type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class LanguageAgent extends CustomResource<LanguageAgentSpec, LanguageAgentStatus> implements Namespaced {}
