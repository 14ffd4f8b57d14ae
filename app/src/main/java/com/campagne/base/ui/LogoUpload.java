package com.campagne.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.List;
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
        setI18n(i18n());
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add")).setMany(getTranslation("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop")).setMany(getTranslation("upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.tooMany"))
                .setFileIsTooBig(getTranslation("client.logo.invalid"))
                .setIncorrectFileType(getTranslation("client.logo.invalid")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.connecting"))
                        .setStalled(getTranslation("upload.stalled")).setProcessing(getTranslation("upload.processing"))
                        .setHeld(getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("upload.remaining")).setUnknown(getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("upload.failed"))
                        .setUnexpectedServerError(getTranslation("upload.failed"))
                        .setForbidden(getTranslation("upload.failed"))
                        .setFileTooLarge(getTranslation("client.logo.invalid"))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("upload.retry"))
                .setStart(getTranslation("upload.start")).setRemove(getTranslation("upload.remove")));
        i18n.setUnits(List.of(getTranslation("upload.unit.bytes"), getTranslation("upload.unit.kb"),
                getTranslation("upload.unit.mb"), getTranslation("upload.unit.gb")));
        return i18n;
    }
}
