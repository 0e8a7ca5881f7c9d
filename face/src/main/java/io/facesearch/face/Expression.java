package io.facesearch.face;

/** The seven expressions of the expression network, in its output order. */
public enum Expression {
    NEUTRAL, HAPPY, SAD, ANGRY, FEARFUL, DISGUSTED, SURPRISED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
