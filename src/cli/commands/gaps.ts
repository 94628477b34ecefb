export async function gapsCommand(_args: string[]): Promise<0> { return 0; }
