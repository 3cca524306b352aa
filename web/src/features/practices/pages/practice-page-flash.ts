/** What the editor tells the practice page after saving (navigation state, shown once as a status). */
export interface PracticePageFlash {
  flash?: 'published' | 'revision';
  revision?: number;
}
