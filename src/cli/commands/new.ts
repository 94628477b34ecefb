export async function newCommand(_args: string[]): Promise<0> { return 0; }
