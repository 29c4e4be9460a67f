import { InvalidInputError } from "../errors";

/**
 * A file handed to an importer cannot be turned into election data. The message
 * names where (file, line or entry) and what is wrong, because it is shown to the
 * official who has to fix the file.
 */
export class ImportError extends InvalidInputError {}
