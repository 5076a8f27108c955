package org.lorebot.index.mail;

/** A mailbox: decoded display name (may be empty) and the bare address (may be empty). */
public record Address(String name, String address) {
    public Address {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
    }

    /** {@code Name <addr>}, or the bare address when there is no name. */
    @Override
    public String toString() {
        if (name.isEmpty()) {
            return address;
        }
        return address.isEmpty() ? name : name + " <" + address + ">";
    }
}
