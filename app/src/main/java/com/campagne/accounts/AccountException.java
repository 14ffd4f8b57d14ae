package com.campagne.accounts;

/** A user-facing refusal: {@code messageKey} names the translated explanation, {@code field} where it applies. */
public class AccountException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public AccountException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public AccountException(String messageKey) {
        this(messageKey, null);
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }
}
