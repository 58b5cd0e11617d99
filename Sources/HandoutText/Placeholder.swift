public enum HandoutTextPlaceholder {}
