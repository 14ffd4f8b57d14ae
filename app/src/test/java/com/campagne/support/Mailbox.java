package com.campagne.support;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails the app sent to the test SMTP server ({@link TestEnvironment#MAIL}). The server is shared
 * by every test of the JVM: address mails to addresses no other test uses.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private Mailbox() {
    }

    /** One received mail, decoded. */
    public record Mail(String to, String subject, String body) {

        /** The first http(s) link of the body. */
        public String firstLink() {
            Matcher m = LINK.matcher(body);
            if (!m.find()) {
                throw new AssertionError("No link in the mail '" + subject + "' to " + to + ":\n" + body);
            }
            return m.group();
        }
    }

    /** The latest mail to {@code address} whose subject contains {@code subjectPart}, waiting for it up to 15 s. */
    public static Mail waitFor(String address, String subjectPart) {
        return waitFor(address, subjectPart, DEFAULT_WAIT);
    }

    public static Mail waitFor(String address, String subjectPart, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Mail> mail = find(address, subjectPart);
            if (mail.isPresent()) {
                return mail.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No mail to " + address + " with a subject containing '" + subjectPart
                        + "' within " + wait.toSeconds() + " s; mails to that address: " + subjects(address));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a mail", e);
            }
        }
    }

    private static Optional<Mail> find(String address, String subjectPart) {
        List<MimeMessage> messages = Arrays.asList(TestEnvironment.MAIL.getReceivedMessages());
        for (int i = messages.size() - 1; i >= 0; i--) {
            Mail mail = decode(messages.get(i));
            if (mail.to().equalsIgnoreCase(address) && mail.subject().contains(subjectPart)) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    private static List<String> subjects(String address) {
        return Arrays.stream(TestEnvironment.MAIL.getReceivedMessages()).map(Mailbox::decode)
                .filter(m -> m.to().equalsIgnoreCase(address)).map(Mail::subject).toList();
    }

    private static Mail decode(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Object content = message.getContent();
            String body = content instanceof String s ? s : String.valueOf(content);
            return new Mail(to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress(),
                    message.getSubject() == null ? "" : message.getSubject(), body);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}
