export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
