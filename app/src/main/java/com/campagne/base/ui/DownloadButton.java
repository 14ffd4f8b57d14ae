package com.campagne.base.ui;

import com.campagne.base.documents.FileDownload;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/**
 * A button-looking link that downloads a file made when it is clicked (an export, a report). The file is
 * built in the request that fetches it; when that fails (the item vanished, is no longer visible, the input
 * is wrong) the browser gets the given error status, never a stack trace.
 */
public final class DownloadButton {

    private DownloadButton() {
    }

    /** A link saving the file ({@code Content-Disposition: attachment}). */
    public static Anchor saving(String text, VaadinIcon icon, Supplier<FileDownload> file,
                                ButtonVariant... variants) {
        Anchor anchor = new Anchor();
        anchor.setHref(handler(file, 404), AttachmentType.DOWNLOAD);
        anchor.add(button(text, icon, variants));
        return anchor;
    }

    /** A link opening the file in a new tab (a preview); a refusal answers {@code errorStatus}. */
    public static Anchor opening(String text, VaadinIcon icon, Supplier<FileDownload> file, int errorStatus,
                                 ButtonVariant... variants) {
        Anchor anchor = new Anchor();
        anchor.setHref(handler(file, errorStatus));
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.add(button(text, icon, variants));
        return anchor;
    }

    private static DownloadHandler handler(Supplier<FileDownload> file, int errorStatus) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                FileDownload download = file.get();
                return new DownloadResponse(new ByteArrayInputStream(download.bytes()), download.fileName(),
                        download.contentType(), download.bytes().length);
            } catch (RuntimeException e) {
                return DownloadResponse.error(errorStatus, e);
            }
        });
    }

    private static Button button(String text, VaadinIcon icon, ButtonVariant... variants) {
        Button button = new Button(text, icon.create());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.addThemeVariants(variants);
        button.setTabIndex(-1); // the link takes the focus and the click
        return button;
    }
}
