package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdDriftTest {

    @Test
    void checkedInCrdsAreExactlyTheFreshlyGeneratedOnes() throws IOException {
        Map<String, Path> fresh = GeneratedCrds.fresh();
        Map<String, Path> checkedIn = GeneratedCrds.checkedIn();

        assertThat(fresh).as("CRDs generated from the langop-api classes").hasSize(6);
        assertThat(checkedIn.keySet())
                .as(outOfDate("the set of CRD files differs"))
                .containsExactlyElementsOf(fresh.keySet());
        for (var generated : fresh.entrySet()) {
            assertThat(Files.readString(checkedIn.get(generated.getKey())))
                    .as(outOfDate(generated.getKey() + " differs"))
                    .isEqualTo(Files.readString(generated.getValue()));
        }
    }

    private static String outOfDate(String what) {
        return "charts/language-operator/crds is out of date with the langop-api classes ("
                + what
                + "); refresh it with: "
                + GeneratedCrds.REFRESH_COMMAND;
    }
}
