package io.langop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void isTheLowerCaseHexOfTheUtf8BytesOrItsFirstBytes() {
        // FIPS 180-2's example for "abc"
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abc", 5)).isEqualTo("ba7816bf8f");
        // "é" is hashed as its two UTF-8 bytes, c3 a9
        assertThat(Sha256.hex("é")).isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }
}
