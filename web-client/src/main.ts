document.querySelector('yoriai-app')!.textContent = '寄り合い';
