import { mountCopyButtons } from '../copy-citation.ts';
import { mountStyleSwitchers } from '../style-switcher.ts';

mountStyleSwitchers(document);
mountCopyButtons(document);
