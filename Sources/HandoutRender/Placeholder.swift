public enum HandoutRenderPlaceholder {}
