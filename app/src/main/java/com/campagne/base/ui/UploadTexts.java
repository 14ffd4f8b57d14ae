package com.campagne.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

/**
 * Every text of Vaadin's upload in the user's language (its defaults are English, including the
 * "Connecting…" and "Processing…" shown while a file travels); only the button, the drop hint and
 * the two refusals differ between uploads.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * @param in         the component whose translations to use
     * @param addKey     key of the button text
     * @param dropKey    key of the drop hint
     * @param tooBigKey  key of the message for a file over the limit
     * @param badTypeKey key of the message for a file of a refused type
     */
    public static UploadI18N of(Component in, String addKey, String dropKey, String tooBigKey, String badTypeKey) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(in.getTranslation(addKey)).setMany(in.getTranslation(addKey)));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(in.getTranslation(dropKey))
                .setMany(in.getTranslation(dropKey)));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(in.getTranslation("upload.tooMany"))
                .setFileIsTooBig(in.getTranslation(tooBigKey))
                .setIncorrectFileType(in.getTranslation(badTypeKey)));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(in.getTranslation("upload.connecting"))
                        .setStalled(in.getTranslation("upload.stalled"))
                        .setProcessing(in.getTranslation("upload.processing"))
                        .setHeld(in.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(in.getTranslation("upload.remaining"))
                        .setUnknown(in.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(in.getTranslation("upload.failed"))
                        .setUnexpectedServerError(in.getTranslation("upload.failed"))
                        .setForbidden(in.getTranslation("upload.failed"))
                        .setFileTooLarge(in.getTranslation(tooBigKey))));
        i18n.setFile(new UploadI18N.File().setRetry(in.getTranslation("upload.retry"))
                .setStart(in.getTranslation("upload.start")).setRemove(in.getTranslation("upload.remove")));
        i18n.setUnits(List.of(in.getTranslation("upload.unit.bytes"), in.getTranslation("upload.unit.kb"),
                in.getTranslation("upload.unit.mb"), in.getTranslation("upload.unit.gb")));
        return i18n;
    }
}
