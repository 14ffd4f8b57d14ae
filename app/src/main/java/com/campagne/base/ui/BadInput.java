package com.campagne.base.ui;

import com.vaadin.flow.data.binder.HasValidator;

/**
 * Tells "left empty" from "typed something unreadable". A number or date field that cannot parse what was
 * typed ("abc", "12,3,4") reports an empty value, so a form that only read values would save "abc" as no
 * budget at all; the field's own default validator still knows the input was bad.
 */
public final class BadInput {

    private BadInput() {
    }

    /** Whether the field holds text it could not turn into {@code value}'s type. */
    public static <V> boolean in(HasValidator<V> field, V value) {
        return value == null && field.getDefaultValidator().apply(null, null).isError();
    }
}
