package com.campagne.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A one-image upload for logos (PNG, JPEG, SVG, WebP, at most 512 KB), kept in memory and handed
 * to {@code onImage(bytes, contentType)} in the UI thread; labels in the user's language.
 */
public class LogoUpload extends Upload {

    public static final int MAX_BYTES = 512 * 1024;
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/svg+xml", "image/webp");

    public LogoUpload(BiConsumer<byte[], String> onImage) {
        UI ui = UI.getCurrent();
        setUploadHandler(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
            if (bytes.length > MAX_BYTES || !TYPES.contains(meta.contentType())) {
                Notifications.error(getTranslation("client.logo.invalid"));
                return;
            }
            onImage.accept(bytes, meta.contentType());
        })));
        setAcceptedFileTypes(TYPES.toArray(String[]::new));
        setMaxFileSize(MAX_BYTES);
        setMaxFiles(1);
        setI18n(UploadTexts.of(this, "upload.add", "upload.drop", "client.logo.invalid", "client.logo.invalid"));
    }
}
