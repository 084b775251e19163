package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void namesTheStagesOfTheConditionsTheOperatorWrites() {
        assertThat(Stages.ofCondition("Synthesized", "False", "Synthesizing")).isEqualTo("writing");
        assertThat(Stages.ofCondition("Synthesized", "True", "Synthesized")).isEqualTo("written");
        assertThat(Stages.ofCondition("Synthesized", "False", "SynthesisFailed"))
                .isEqualTo("synthesis");
        assertThat(Stages.ofCondition("Validated", "True", "Validated")).isEqualTo("checking");
        assertThat(Stages.ofCondition("CodeUpdated", "True", "CodeUpdated")).isEqualTo("rolled out");
        assertThat(Stages.ofCondition("Ready", "True", "WorkloadAvailable")).isEqualTo("ready");
        assertThat(Stages.ofCondition("ReferencesResolved", "True", "Resolved")).isEqualTo("references");
    }

    @Test
    void namesStagesItDoesNotKnowInTheirOwnWords() {
        assertThat(Stages.ofCondition("DryRun", "True", "Passed")).isEqualTo("dry run");
        assertThat(Stages.ofReason("CatalogListed")).isEqualTo("catalog");
        assertThat(Stages.ofReason("RepairRoundStarted")).isEqualTo("repair");
        assertThat(Stages.ofReason("DryRunFailed")).isEqualTo("dry run");
        assertThat(Stages.ofReason("RolledBack")).isEqualTo("rollback");
        assertThat(Stages.ofReason("QuotaExceeded")).isEqualTo("quota exceeded");
    }
}
