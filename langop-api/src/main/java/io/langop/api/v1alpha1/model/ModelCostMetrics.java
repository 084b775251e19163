package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langop.api.v1alpha1.CostMetrics;

/** Cost accounted by the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCostMetrics extends CostMetrics {}
