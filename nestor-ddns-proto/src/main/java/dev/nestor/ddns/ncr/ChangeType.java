package dev.nestor.ddns.ncr;

/**
 * What a NameChangeRequest asks for, with Kea's wire codes ({@code change-type} 0 and 1). A closed set: any other
 * code makes the request invalid, so there is nothing unknown to carry along.
 */
public enum ChangeType {
    /** A lease was granted or renewed: add (or replace) the name's records. */
    ADD(0),
    /** A lease was released or expired: remove the records. */
    REMOVE(1);

    private final int code;

    ChangeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code other than 0 or 1 */
    public static ChangeType fromCode(long code) {
        for (ChangeType t : values()) if (t.code == code) return t;
        throw new IllegalArgumentException("Invalid data value for change_type: " + code);
    }
}
