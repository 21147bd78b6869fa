/** One place for the rules on what a person types, shared by the API and the admin command. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 320;
