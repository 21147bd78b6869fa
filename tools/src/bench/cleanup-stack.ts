/** Undo steps run last-in first-out, once, whether the run ends, fails or is interrupted. */
export class CleanupStack {
  private readonly steps: Array<{ name: string; undo: () => Promise<void> }> = [];
  private running?: Promise<void>;

  push(name: string, undo: () => Promise<void>): void {
    this.steps.push({ name, undo });
  }

  runAll(): Promise<void> {
    this.running ??= this.unwind();

    return this.running;
  }

  private async unwind(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.undo();
      } catch (error) {
        console.error(`Cleanup "${step.name}" failed: ${(error as Error).message}`);
      }
    }
  }
}
