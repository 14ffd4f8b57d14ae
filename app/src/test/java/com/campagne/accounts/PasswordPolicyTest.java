package com.campagne.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules, without Spring: length, the common-password list, the user's own address. */
class PasswordPolicyTest {

    private static final String EMAIL = "claire.martin@agence-exemple.fr";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelveCharactersIsTheMinimum() {
        assertThat(policy.check("kq7#Lm2!zR9", EMAIL)).as("11 characters").contains("password.tooShort");
        assertThat(policy.check("kq7#Lm2!zR9w", EMAIL)).as("12 characters").isEmpty();
        assertThat(policy.check("", EMAIL)).contains("password.tooShort");
        assertThat(policy.check(null, EMAIL)).contains("password.tooShort");
    }

    @Test
    void atMost128Characters() {
        String max = "kq7#Lm2!zR9w".repeat(10) + "kq7#Lm2!";
        assertThat(max).hasSize(128);
        assertThat(policy.check(max, EMAIL)).isEmpty();
        assertThat(policy.check(max + "x", EMAIL)).contains("password.tooLong");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.check("password1234", EMAIL)).contains("password.common");
        assertThat(policy.check("PassWord1234", EMAIL)).contains("password.common");
        assertThat(policy.check("azertyuiop123", EMAIL)).contains("password.common");
        assertThat(policy.check("AZERTYUIOP123", EMAIL)).contains("password.common");
    }

    @Test
    void fewDistinctCharactersCountAsCommon() {
        assertThat(policy.check("abababababab", EMAIL)).contains("password.common");
        assertThat(policy.check("abcabcabcabc", EMAIL)).contains("password.common");
        assertThat(policy.check("abcdabcdabcd", EMAIL)).isEmpty();
    }

    @Test
    void theListIsLoaded() {
        assertThat(policy.listSize()).isGreaterThan(40_000);
    }

    @Test
    void theUsersOwnAddressIsRefused() {
        assertThat(policy.check("xx" + EMAIL + "xx", EMAIL)).contains("password.containsEmail");
        assertThat(policy.check("Claire.Martin-2026!", EMAIL)).as("local part, any case")
                .contains("password.containsEmail");
        assertThat(policy.check("Claire.Martin-2026!", "someone.else@exemple.fr")).isEmpty();
        // A local part shorter than 4 letters is too common a fragment to refuse.
        assertThat(policy.check("bob-le-bricoleur-42", "bob@exemple.fr")).isEmpty();
        assertThat(policy.check("kq7#Lm2!zR9w", null)).isEmpty();
        assertThat(policy.check("kq7#Lm2!zR9w", " ")).isEmpty();
    }
}
