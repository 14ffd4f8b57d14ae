package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.List;

/** {@code /settings/members}: the team, pending invitations, inviting someone. */
public class MembersPage extends Shell {

    public MembersPage(Page page) {
        super(page);
    }

    public static MembersPage open(Page page) {
        MembersPage members = new MembersPage(page);
        members.open("/settings/members");
        return members;
    }

    /** Opens the invitation dialog. */
    public InviteDialog invite() {
        click("members-invite");
        byId("invite-email").waitFor();
        return new InviteDialog();
    }

    /** Removes the member with this address from the team, confirming in the dialog. */
    public MembersPage remove(String email) {
        int before = memberCount();
        page.locator("[id='member-remove-" + email + "']").click();
        click("member-remove-confirm");
        page.waitForCondition(() -> memberCount() == before - 1);
        return this;
    }

    /** How many members the team list holds. */
    public int memberCount() {
        return ((Number) byId("members-grid").evaluate("g => g.size")).intValue();
    }

    /** The e-mail addresses with a pending invitation. */
    public List<String> pendingInvitations() {
        if (!byId("invitations-grid").isVisible()) {
            return List.of();
        }
        return page.locator("#invitations-grid vaadin-grid-cell-content").allInnerTexts().stream()
                .map(String::trim).filter(t -> t.contains("@")).toList();
    }

    /** The "invite a member" dialog. */
    public class InviteDialog {

        public InviteDialog email(String email) {
            type("invite-email", email);
            return this;
        }

        /** Picks the role by its label as shown (e.g. "Chef de projet média"). */
        public InviteDialog role(String label) {
            select("invite-role", label);
            return this;
        }

        /** Ticks the clients a "Client (read-only)" member will see, by name. */
        public InviteDialog clients(String... names) {
            Locator input = page.locator("#invite-clients input");
            for (String name : names) {
                input.click();
                input.fill(name);
                page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
                waitForVaadin();
            }
            input.press("Escape");
            waitForVaadin();
            return this;
        }

        /** The client names the picker offers (opened, read, closed). */
        public List<String> offeredClients() {
            Locator input = page.locator("#invite-clients input");
            input.click();
            page.getByRole(AriaRole.OPTION).first().waitFor();
            List<String> offered = page.getByRole(AriaRole.OPTION).allInnerTexts().stream().map(String::trim).toList();
            input.press("Escape");
            return offered;
        }

        /** Sends the invitation; the dialog closes and the invitation shows as pending. */
        public MembersPage send() {
            click("invite-send");
            byId("invite-email").waitFor(new Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            return MembersPage.this;
        }
    }
}
